package org.lianban.web.pages;

import org.lianban.common.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An {@link ApiException} a page did not handle itself (e.g. a case the user may not see) becomes the site's error
 * page with the right status, never a stack trace. Forms handle their own errors next to the fields.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiException.class)
    ModelAndView onApiException(ApiException e) {
        log.debug("page request failed: {} {}", e.status(), e.getMessage());
        ModelAndView mav = new ModelAndView("error", e.status());
        mav.addObject("status", e.status().value());
        mav.addObject("detail", e.getMessage());
        return mav;
    }
}
