package dev.graphmemory.app.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Who may see the inspector, and how its one write is protected.
 *
 * <p><b>Reading.</b> Without a token (a loopback server), every request that passed the server's {@code Host} and
 * {@code Origin} checks may read. With a token, a request needs {@code Authorization: Bearer <token>} (as
 * {@code /mcp} does), or the inspector's cookie. A browser cannot send a header from a typed address, so it is given
 * the token once in the address ({@code /?token=…}): the inspector answers with its cookie and a redirect to the same
 * page without the token, so the token leaves the address bar. The cookie is not the token but a random key made when
 * the process starts ({@code HttpOnly}: no script reads it; {@code SameSite=Strict}: no other site's page or link sends
 * it); it lasts until the browser closes or the process stops.
 *
 * <p><b>Forgetting</b>, the only write, must be a {@code POST} (never a link a page could make the browser follow),
 * whose {@code Origin} is this server's own (the scheme and the {@code Host} it was sent to; a browser sends
 * {@code Origin} with every {@code POST}, and a request without one is refused), with {@code Sec-Fetch-Site} (when the
 * browser sends it) {@code same-origin}, and a form field {@code csrf} equal to this process's random CSRF token,
 * which only the inspector's own pages carry: another site's page can neither read them nor guess it.
 */
final class BrowserAccess {
    static final String COOKIE = "graphmemory_inspector";
    static final String TOKEN_PARAMETER = "token";
    static final String CSRF_PARAMETER = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;
    private final byte[] bearer;
    private final String browserKey = random();
    private final String csrf = random();

    /** @param token the token every request must show, or {@code null} for none (a loopback server) */
    BrowserAccess(String token) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("A bearer token must not be empty or blank");
        }
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.bearer = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** What {@link #admit} decided. */
    enum Admission {
        /** The request may go on. */
        ADMITTED,
        /** A token in the address was taken: the answer (the cookie and a redirect) is sent. */
        REDIRECTED,
        /** No valid token or cookie: the request must be refused with 401. */
        REFUSED
    }

    /** Whether the request may read; exchanges a valid token in a {@code GET}'s address for the cookie. */
    Admission admit(HttpServletRequest request, HttpServletResponse response) {
        String given = "GET".equals(request.getMethod()) ? request.getParameter(TOKEN_PARAMETER) : null;
        if (given != null) {
            if (token != null && !same(token, given)) {
                return Admission.REFUSED;
            }
            if (token != null) {
                response.addHeader("Set-Cookie", COOKIE + "=" + browserKey + "; Path=/; HttpOnly; SameSite=Strict");
            }
            response.setStatus(303);
            response.setHeader("Location", withoutToken(request));
            return Admission.REDIRECTED;
        }
        if (token == null || same(bearer, request.getHeader("Authorization")) || same(browserKey, cookie(request))) {
            return Admission.ADMITTED;
        }
        return Admission.REFUSED;
    }

    /** The CSRF token the inspector's forms carry. */
    String csrfToken() {
        return csrf;
    }

    /**
     * Why a write request is refused, or {@code null} if it may go on: it must come from this server's own page (see
     * the class comment).
     */
    String refusesWrite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || host == null) {
            return "the request does not say which page sent it (no Origin header)";
        }
        String own = request.getScheme() + "://" + host;
        if (!origin.strip().toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT))) {
            return "the request comes from a page of another origin";
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return "the request comes from a page of another site";
        }
        if (!same(csrf, request.getParameter(CSRF_PARAMETER))) {
            return "the form's CSRF token is missing or wrong; reload the page and try again";
        }
        return null;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The address of the request without its token (and its other parameters kept, re-encoded). */
    private static String withoutToken(HttpServletRequest request) {
        String path = request.getRequestURI();
        // Only a path on this server: "//host/…" would be another site (an open redirect).
        StringBuilder location = new StringBuilder(path.startsWith("/") && !path.startsWith("//") ? path : "/");
        char separator = '?';
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals(TOKEN_PARAMETER)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                location.append(separator)
                        .append(Page.encode(parameter.getKey()))
                        .append('=')
                        .append(Page.encode(value));
                separator = '&';
            }
        }
        return location.toString();
    }

    private static boolean same(String expected, String given) {
        return given != null && same(expected.getBytes(StandardCharsets.UTF_8), given);
    }

    /** Compares in the same time whatever the guess. */
    private static boolean same(byte[] expected, String given) {
        return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
