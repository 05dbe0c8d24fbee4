package org.lianban.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the API ({@code /api/**}) is stateless with bearer tokens and no CSRF (no cookies are honoured
 * there); pages use form login, a session cookie and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String[] OFFICIALS = {"CLERK", "REVIEWER", "APPROVER"};

    /** {@code {bcrypt}} by default; the prefix lets stored hashes move to a stronger scheme later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Username and password against {@code app_user}; used by form login and by the token endpoint. */
    @Bean
    AuthenticationManager authenticationManager(JdbcUsers users, PasswordEncoder passwordEncoder) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(dao);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems.unauthorized()), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/auth/**", "/api/v1/public/**", "/api/v1/regions/**",
                                "/api/v1/matters/**", "/api/v1/calendar/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, ProblemWriter problems) throws Exception {
        var throttleFilter = new FormLoginThrottleFilter(throttle, problems);
        http.addFilterBefore(throttleFilter, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/error", "/login", "/matters/**", "/progress", "/verify/**",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/workbench/**").hasAnyRole(OFFICIALS)
                        .requestMatchers("/stats/**").hasAnyRole("SUPERVISOR", "CLERK", "REVIEWER", "APPROVER")
                        .requestMatchers("/my/**").hasRole("APPLICANT")
                        .anyRequest().authenticated())
                // the sign-in page is the web module's (templates/login.html)
                .formLogin(f -> f.loginPage("/login").permitAll().failureHandler(throttleFilter.countingFailures()))
                .logout(l -> l.logoutSuccessUrl("/"));
        return http.build();
    }
}
