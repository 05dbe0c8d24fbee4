package org.lianban.web.api;

import java.util.List;

import org.lianban.cases.Cases;
import org.lianban.common.ApiException;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.notify.FailedSms;
import org.lianban.notify.NoticeInbox;
import org.lianban.notify.Notices;
import org.lianban.notify.Notifications;
import org.lianban.notify.SmsRecord;
import org.lianban.notify.SmsTemplateInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** SMS sent for a case (supervisors, administrators), the SMS outbox for administrators, officials' notices. */
@RestController
@RequestMapping("/api/v1")
class NotifyApi {

    private final Notifications notifications;
    private final Notices notices;
    private final Cases cases;

    NotifyApi(Notifications notifications, Notices notices, Cases cases) {
        this.notifications = notifications;
        this.notices = notices;
        this.cases = cases;
    }

    @Operation(summary = "SMS sent for a case, phones masked (supervisor of the case's region or above, admin)")
    @GetMapping("/notifications")
    List<SmsRecord> forCase(@RequestParam("case") String number, CurrentUser user) {
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.ADMIN)) {
            throw ApiException.forbidden("Only supervisors and administrators see the SMS sent for a case.");
        }
        if (user.is(Role.SUPERVISOR)) {
            cases.requireVisible(number, user); // 404 for a case outside the supervisor's area
        } else if (cases.find(number).isEmpty()) {
            throw ApiException.notFound("No case " + number + ".");
        }
        return notifications.forCase(number);
    }

    @Operation(summary = "SMS that failed for good (retries exhausted, permanent error, failure receipt), newest first")
    @GetMapping("/admin/sms/failed")
    List<FailedSms> failed(@RequestParam(defaultValue = "100") int limit) {
        return notifications.failed(Math.clamp(limit, 1, 1000));
    }

    @Operation(summary = "Sends a failed SMS again (204); 422 if it has not failed or has no mobile number")
    @PostMapping("/admin/sms/{id}/retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        notifications.retry(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "SMS templates with a sample, its length and the number of SMS parts it needs")
    @GetMapping("/admin/sms/templates")
    List<SmsTemplateInfo> templates() {
        return notifications.templates();
    }

    @Operation(summary = "The signed-in official's notices: unread count and the newest")
    @GetMapping("/notices")
    NoticeInbox notices(CurrentUser user, @RequestParam(defaultValue = "50") int limit) {
        return notices.inbox(user.username(), Math.clamp(limit, 1, 500));
    }

    @Operation(summary = "Marks one of the caller's notices read (204); 404 if it is not theirs")
    @PostMapping("/notices/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, CurrentUser user) {
        if (!notices.markRead(user.username(), id)) {
            throw ApiException.notFound("No notice " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }
}
