package org.lianban.web.api;

import java.util.ArrayList;
import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.identity.ApiTokens;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.IssuedToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** API sign-in (API.md "Authentication"): bearer tokens and the caller's own identity. */
@RestController
class AuthApi {

    private final ApiTokens tokens;

    AuthApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String username, String password) {}

    @PostMapping("/api/v1/auth/token")
    IssuedToken issue(@RequestBody TokenRequest body, HttpServletRequest request) {
        List<ApiException.FieldProblem> missing = new ArrayList<>();
        if (body.username() == null || body.username().isBlank()) {
            missing.add(new ApiException.FieldProblem("username", "Give the username, e.g. \"clerk@140105\"."));
        }
        if (body.password() == null || body.password().isEmpty()) {
            missing.add(new ApiException.FieldProblem("password", "Give the password."));
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Username and password are required.", missing);
        }
        return tokens.issue(body.username(), body.password(), request.getRemoteAddr());
    }

    /** Revokes the token this request is authenticated with. */
    @DeleteMapping("/api/v1/auth/token")
    ResponseEntity<Void> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("Send the token to revoke as 'Authorization: Bearer <token>'.");
        }
        tokens.revoke(header.substring(7).trim());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}
