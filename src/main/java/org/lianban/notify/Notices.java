package org.lianban.notify;

/** In-app notices of the signed-in official. */
public interface Notices {

    /** Unread count and the newest notices (at most {@code limit}). */
    NoticeInbox inbox(String username, int limit);

    /** Marks the user's notice read; false if there is no such notice of that user. Marking twice is harmless. */
    boolean markRead(String username, long noticeId);
}
