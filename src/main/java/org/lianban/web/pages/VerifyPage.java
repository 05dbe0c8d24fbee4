package org.lianban.web.pages;

import org.lianban.common.ApiException;
import org.lianban.common.ClockConfig;
import org.lianban.documents.CertificateVerification;
import org.lianban.documents.Documents;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 证照核验: the page a certificate's QR code opens. Anyone; shows validity, never personal data beyond the holder. */
@Controller
class VerifyPage {

    private final Documents documents;

    VerifyPage(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("code", code);
        try {
            CertificateVerification v = documents.verify(code);
            model.addAttribute("v", v);
            model.addAttribute("issuedOn", v.issuedAt().atZone(ClockConfig.CHINA).toLocalDate());
            model.addAttribute("revokedOn", v.revokedAt() == null ? null
                    : v.revokedAt().atZone(ClockConfig.CHINA).toLocalDate());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("v", null);
        }
        return "verify";
    }
}
