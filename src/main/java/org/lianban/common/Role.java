package org.lianban.common;

/** What a user does on the platform (API.md "Enumerations"). */
public enum Role {
    /** 窗口受理人员 */ CLERK,
    /** 审查人员 */ REVIEWER,
    /** 审批负责人 */ APPROVER,
    /** 事项管理员 */ ADMIN,
    /** 监察人员 */ SUPERVISOR,
    /** 申请人 */ APPLICANT;

    public boolean isOfficial() {
        return this == CLERK || this == REVIEWER || this == APPROVER;
    }
}
