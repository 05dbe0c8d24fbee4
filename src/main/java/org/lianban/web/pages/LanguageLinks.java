package org.lianban.web.pages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the header's language switch: the page the user is on, with {@code lang} replaced. Used from the layout as
 * {@code ${@languageLinks.to('en')}} so that it also works on error pages rendered outside our controllers.
 */
@Component("languageLinks")
public class LanguageLinks {

    public String to(String lang) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            return "/?lang=" + lang;
        }
        HttpServletRequest request = attrs.getRequest();
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String query = errorUri != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", lang).build().toUriString();
    }
}
