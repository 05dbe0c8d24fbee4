package org.lianban.notify;

/** Why an official got an in-app notice: a new task, or a deadline warning (黄牌: ≥80 % of the limit used; 红牌: past due). */
public enum NoticeKind {
    NEW_TASK, YELLOW, RED
}
