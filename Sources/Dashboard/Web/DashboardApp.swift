import AutopilotCore
import Content
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The dashboard's shared parts: the engine, the templates, the accounts; and the steps every page and action share —
/// find the session, pick the language, check the CSRF token and the role, render inside the layout.
public struct DashboardApp: Sendable {
    static let sessionCookie = "ap_session"
    static let loginCSRFCookie = "ap_login_csrf"

    let dependencies: Dependencies
    let configuration: DashboardConfiguration
    let renderer: PageRenderer
    let assets: StaticAssets
    let accounts: AccountService
    let tenants: TenantService

    public init(dependencies: Dependencies, configuration: DashboardConfiguration = DashboardConfiguration()) throws {
        self.dependencies = dependencies
        self.configuration = configuration
        renderer = try PageRenderer()
        assets = try StaticAssets()
        accounts = AccountService(dependencies: dependencies)
        tenants = TenantService(dependencies: dependencies)
    }

    var logger: Logger { dependencies.logger }

    /// The signed-in viewer of a request, or nil (no cookie, unknown or expired session).
    func viewer(_ request: Request) async throws -> Viewer? {
        guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
            let session = try await accounts.session(token: token)
        else { return nil }
        let language = PageLanguage.choose(userSetting: session.user.language, acceptLanguage: request.headers[.acceptLanguage])
        let timeZone = (try? await tenants.timeZone(tenantID: session.user.tenantID)) ?? TimeZone(identifier: "UTC")!
        return Viewer(session: session, language: language, timeZone: timeZone)
    }

    /// A page: the signed-in viewer's view, rendered in the layout; to the login page when signed out.
    func page(_ request: Request, _ load: (Viewer, PageRequest) async throws -> PageView) async -> Response {
        let pageRequest = PageRequest(request)
        do {
            guard let viewer = try await viewer(request) else { return HTMLResponse.redirect(loginPath(next: request.uri.description)) }
            do {
                let view = try await load(viewer, pageRequest)
                return HTMLResponse.html(render(view, viewer: viewer, request: pageRequest), status: view.status)
            } catch {
                return failurePage(error, viewer: viewer, request: pageRequest)
            }
        } catch {
            logger.error("dashboard: session lookup failed: \(error)")
            return HTMLResponse.html(ErrorPages.plain(language: .english, status: .internalServerError), status: .internalServerError)
        }
    }

    /// An action (a form post): CSRF token checked, then the role (viewers change nothing unless `viewersMay`), then
    /// the work; answers a redirect, or JSON to the page's script.
    func action(
        _ request: Request, viewersMay: Bool = false, _ perform: (Viewer, FormBody, PageRequest) async throws -> ActionResult
    ) async -> Response {
        let pageRequest = PageRequest(request)
        do {
            guard let viewer = try await viewer(request) else {
                return pageRequest.wantsJSON
                    ? HTMLResponse.json(["error": "signed_out"], status: .unauthorized) : HTMLResponse.redirect(loginPath(next: nil))
            }
            do {
                let form = try await checkedForm(request, viewer: viewer, viewersMay: viewersMay)
                let result = try await perform(viewer, form, pageRequest)
                if pageRequest.wantsJSON {
                    let notice = result.notice.map { viewer.strings["notice_\($0)"] } ?? ""
                    return HTMLResponse.json(["ok": "true", "location": result.location, "notice": notice])
                }
                return HTMLResponse.redirect(result.location)
            } catch {
                if pageRequest.wantsJSON { return failureJSON(error, viewer: viewer) }
                return failurePage(error, viewer: viewer, request: pageRequest)
            }
        } catch {
            logger.error("dashboard: session lookup failed: \(error)")
            return HTMLResponse.html(ErrorPages.plain(language: .english, status: .internalServerError), status: .internalServerError)
        }
    }

    /// An action whose answer is a page rather than a redirect: a secret shown once (a new API key, a one-time password).
    func actionShowing(_ request: Request, _ perform: (Viewer, FormBody) async throws -> PageView) async -> Response {
        let pageRequest = PageRequest(request)
        do {
            guard let viewer = try await viewer(request) else { return HTMLResponse.redirect(loginPath(next: nil)) }
            do {
                let form = try await checkedForm(request, viewer: viewer)
                let view = try await perform(viewer, form)
                return HTMLResponse.html(render(view, viewer: viewer, request: pageRequest), status: view.status)
            } catch {
                return failurePage(error, viewer: viewer, request: pageRequest)
            }
        } catch {
            logger.error("dashboard: session lookup failed: \(error)")
            return HTMLResponse.html(ErrorPages.plain(language: .english, status: .internalServerError), status: .internalServerError)
        }
    }

    /// The posted form, once its CSRF token is the session's and the viewer's role may act (viewers only when
    /// `viewersMay`): the one check every action, page-answering action and fragment goes through.
    func checkedForm(_ request: Request, viewer: Viewer, viewersMay: Bool = false) async throws -> FormBody {
        let form = try await FormBody.read(request, limit: configuration.maximumFormBytes)
        guard let sent = form.text("csrf_token"), AccountSecrets.matches(sent, viewer.session.csrfToken) else { throw DashboardFailure.csrf }
        guard viewersMay || viewer.canEdit else { throw DashboardFailure.forbidden }
        return form
    }

    func loginPath(next: String?) -> String {
        guard let next = HTMLResponse.localPath(next), next != "/" else { return "/login" }
        let escaped = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/"
        return "/login?next=" + escaped
    }
}
