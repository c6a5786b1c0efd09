import Content
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

extension DashboardApp {
    func registerSession<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/static/:file") { _, context in self.staticFile(context.parameters.get("file") ?? "") }
        router.get("/login") { request, _ in await self.loginPage(request) }
        router.post("/login") { request, context in await self.login(request, address: self.address(request, context)) }
        router.get("/login/link") { request, context in await self.loginLink(request, address: self.address(request, context)) }
        router.post("/logout") { request, _ in await self.logout(request) }
        router.post("/language") { request, _ in
            await self.action(request, viewersMay: true) { viewer, form, _ in
                guard let code = form.text("language"), let language = ContentLanguage(rawValue: code) else {
                    throw DashboardFailure.invalid(viewer.strings["settings_language_invalid"])
                }
                try await self.accounts.setLanguage(userID: viewer.user.id, tenantID: viewer.tenantID, language: language.rawValue)
                return ActionResult(HTMLResponse.localPath(form["back"]) ?? "/")
            }
        }
    }

    func address<Context: RemoteAddressRequestContext>(_ request: Request, _ context: Context) -> String {
        if configuration.trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            if let first = forwarded.split(separator: ",").first { return first.trimmingCharacters(in: .whitespaces) }
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }

    func staticFile(_ name: String) -> Response {
        guard let asset = assets.assets[name] else { return HTMLResponse.html(ErrorPages.plain(language: .english, status: .notFound), status: .notFound) }
        let headers: HTTPFields = [.contentType: asset.contentType, .cacheControl: "public, max-age=300"]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// The sign-in form. Its CSRF token is a random value also set in a cookie (the visitor has no session yet).
    func loginPage(_ request: Request, email: String = "", error: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        if error == nil, (try? await viewer(request)) != nil { return HTMLResponse.redirect("/") }
        let language = PageLanguage.choose(userSetting: nil, acceptLanguage: request.headers[.acceptLanguage])
        let strings = Strings(language)
        let kept = request.cookies[Self.loginCSRFCookie]?.value ?? ""
        let token = kept.isEmpty ? AccountSecrets.token() : kept
        let next = HTMLResponse.localPath(PageRequest(request).text("next"))
        var model: [String: Any] = ["t": strings.table, "lang": language.rawValue, "csrf": token, "email": email, "title": strings["login_title"]]
        // Only values that exist: Mustache prints an empty optional as "nil".
        if let error { model["error"] = error }
        if let next { model["next"] = next }
        var response = HTMLResponse.html(renderer.render("login", model), status: status)
        response.setCookie(
            Cookie(name: Self.loginCSRFCookie, value: token, maxAge: 3600, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, address: String) async -> Response {
        let language = PageLanguage.choose(userSetting: nil, acceptLanguage: request.headers[.acceptLanguage])
        let strings = Strings(language)
        do {
            let form = try await FormBody.read(request, limit: 16 * 1024)
            let email = form.text("email") ?? ""
            guard let sent = form.text("csrf_token"), let expected = request.cookies[Self.loginCSRFCookie]?.value, !expected.isEmpty,
                AccountSecrets.matches(sent, expected)
            else {
                return await loginPage(request, email: email, error: strings["login_expired"], status: .forbidden)
            }
            switch try await accounts.login(email: email, password: form["password"] ?? "", address: address) {
            case .signedIn(let grant):
                return signedIn(grant, next: HTMLResponse.localPath(form["next"]) ?? "/")
            case .refused:
                return await loginPage(request, email: email, error: strings["login_refused"], status: .unauthorized)
            case .throttled(let seconds):
                var response = await loginPage(
                    request, email: email, error: strings.format("login_throttled", String(max(1, (seconds + 59) / 60))), status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
        } catch {
            logger.error("dashboard: login failed: \(error)")
            return await loginPage(request, error: strings["error_server_body"], status: .internalServerError)
        }
    }

    /// A one-time sign-in link (printed by `autopilot demo`, as Jupyter does).
    func loginLink(_ request: Request, address: String) async -> Response {
        let language = PageLanguage.choose(userSetting: nil, acceptLanguage: request.headers[.acceptLanguage])
        guard let token = PageRequest(request).text("token"), let grant = try? await accounts.redeemLoginLink(token: token, address: address) else {
            return await loginPage(request, error: Strings(language)["login_link_used"], status: .unauthorized)
        }
        return signedIn(grant, next: "/")
    }

    func signedIn(_ grant: SessionGrant, next: String) -> Response {
        var response = HTMLResponse.redirect(next)
        response.setCookie(
            Cookie(
                name: Self.sessionCookie, value: grant.token, maxAge: 12 * 3600, path: "/", secure: configuration.secureCookies, httpOnly: true,
                sameSite: .lax))
        response.setCookie(Cookie(name: Self.loginCSRFCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func logout(_ request: Request) async -> Response {
        if let viewer = try? await viewer(request), let token = request.cookies[Self.sessionCookie]?.value {
            let form = try? await FormBody.read(request, limit: 16 * 1024)
            guard let sent = form?.text("csrf_token"), AccountSecrets.matches(sent, viewer.session.csrfToken) else {
                return failurePage(DashboardFailure.csrf, viewer: viewer, request: PageRequest(request))
            }
            try? await accounts.logout(token: token)
        }
        var response = HTMLResponse.redirect("/login")
        response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
