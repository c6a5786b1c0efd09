import AutopilotCore
import Content
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Logging

extension DashboardApp {
    static let sections = [
        "today", "leads", "customers", "conversations", "automations", "templates", "messages", "reports", "assistant", "settings",
    ]
    static let sectionPaths = [
        "today": "/", "leads": "/leads", "customers": "/customers", "automations": "/automations", "templates": "/templates",
        "messages": "/messages", "reports": "/reports", "assistant": "/assistant", "settings": "/settings",
        "conversations": "/conversations",
    ]

    /// The page's template rendered, then wrapped in the layout (menu, user, language switch, notice).
    func render(_ view: PageView, viewer: Viewer, request: PageRequest) -> String {
        let strings = viewer.strings
        let shared: [String: Any] = [
            "t": strings.table, "lang": viewer.language.rawValue, "csrf": viewer.session.csrfToken, "canEdit": viewer.canEdit,
            "canManageUsers": viewer.canManageUsers,
        ]
        var body = shared
        body["page"] = view.model
        let content = renderer.render(view.template, body)
        var layout = shared
        layout["title"] = view.title
        layout["body"] = content
        layout["path"] = request.path
        layout["isViewer"] = !viewer.canEdit
        layout["user"] = ["email": viewer.user.email, "role": strings["role_\(viewer.user.role.rawValue)"]]
        layout["nav"] = Self.sections.map { section -> [String: Any] in
            ["href": Self.sectionPaths[section] ?? "/", "label": strings["nav_\(section)"], "current": section == view.section]
        }
        if let notice = request.text("notice"), let words = strings.table["notice_\(notice)"] { layout["notice"] = words }
        return renderer.render("layout", layout)
    }

    /// A refusal or failure as a page with the right status: 403, 404, 400 with the reason, or 500 with nothing leaked.
    func failurePage(_ error: any Error, viewer: Viewer, request: PageRequest) -> Response {
        let (status, title, message) = describe(error, strings: viewer.strings)
        let view = PageView(
            template: "error", title: title, section: "", model: ["title": title, "message": message], status: status)
        return HTMLResponse.html(render(view, viewer: viewer, request: request), status: status)
    }

    func failureJSON(_ error: any Error, viewer: Viewer) -> Response {
        let (status, _, message) = describe(error, strings: viewer.strings)
        return HTMLResponse.json(["error": message], status: status)
    }

    func describe(_ error: any Error, strings: Strings) -> (HTTPResponse.Status, String, String) {
        switch unwrappedError(error) {
        case DashboardFailure.forbidden: return (.forbidden, strings["error_forbidden_title"], strings["error_forbidden_body"])
        case DashboardFailure.csrf: return (.forbidden, strings["error_csrf_title"], strings["error_csrf_body"])
        case DashboardFailure.notFound: return (.notFound, strings["error_not_found_title"], strings["error_not_found_body"])
        case DashboardFailure.invalid(let message): return (.badRequest, strings["error_invalid_title"], message)
        case let failure as any AutopilotError:
            switch failure.category {
            case .notFound: return (.notFound, strings["error_not_found_title"], strings["error_not_found_body"])
            case .forbidden, .unauthenticated: return (.forbidden, strings["error_forbidden_title"], strings["error_forbidden_body"])
            case .malformedRequest, .invalidInput, .conflict, .tooLarge, .unsupportedMediaType, .rateLimited:
                return (.badRequest, strings["error_invalid_title"], failure.message)
            case .upstreamFailure, .unavailable, .internal:
                logger.error("dashboard: \(failure.code): \(failure.message)")
                return (.internalServerError, strings["error_server_title"], strings["error_server_body"])
            }
        default:
            logger.error("dashboard: unexpected error: \(error)")
            return (.internalServerError, strings["error_server_title"], strings["error_server_body"])
        }
    }
}

/// Error pages that need no session (before sign-in, or when the database is unreachable).
enum ErrorPages {
    static func plain(language: ContentLanguage, status: HTTPResponse.Status) -> String {
        let strings = Strings(language)
        let title = status == .notFound ? strings["error_not_found_title"] : strings["error_server_title"]
        let body = status == .notFound ? strings["error_not_found_body"] : strings["error_server_body"]
        return """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title>\
            <link rel="stylesheet" href="/static/app.css"></head><body class="bare"><main class="card narrow"><h1>\(title)</h1>\
            <p>\(body)</p><p><a href="/">\(strings["error_home"])</a></p></main></body></html>
            """
    }
}
