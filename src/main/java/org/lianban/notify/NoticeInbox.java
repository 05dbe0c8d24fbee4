package org.lianban.notify;

import java.util.List;

/** The workbench badge and list: how many are unread, and the newest notices. */
public record NoticeInbox(int unread, List<Notice> notices) {}
