package org.lianban.web.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The files behind the signed-in pages ({@code /files/**}): the page session's user, as everywhere, but shown inside a
 * frame of our own pages (an official reads a PDF material inline), so frames from the same origin are allowed here
 * only; every other page keeps {@code X-Frame-Options: DENY}.
 */
@Configuration(proxyBeanMethods = false)
class FilesSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain pageFiles(HttpSecurity http) throws Exception {
        http.securityMatcher("/files/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }
}
