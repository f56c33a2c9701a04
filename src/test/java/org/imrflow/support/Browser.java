package org.imrflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;

/**
 * A browser without a screen: its cookies (the session) and the login form, with the form's CSRF token. Redirects
 * are not followed, so a test sees them. Cookies are kept by host, not port, as browsers keep them: two instances on
 * one host share them, as two servers behind one proxy would.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** Signs in on the login page at {@code base}; fails unless the application took the password. */
    public Browser signIn(String base, String username, String password) {
        String token = Jsoup.parse(get(base + "/login").body()).select("input[name=_csrf]").attr("value");
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as("sign-in").isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as("sign-in").doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build());
    }

    /** A script's request beside the browser: with the browser's cookies, and its own {@code Authorization}. */
    public HttpResponse<String> api(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
