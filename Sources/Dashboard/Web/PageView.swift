import Foundation
import HTTPTypes
import Hummingbird

/// What a page shows: its template, title and section (the highlighted menu entry), and the values its template reads
/// under `page`.
struct PageView {
    var template: String
    var title: String
    var section: String
    var model: Any
    var status: HTTPResponse.Status = .ok

    init(template: String, title: String, section: String, model: Any, status: HTTPResponse.Status = .ok) {
        self.template = template
        self.title = title
        self.section = section
        self.model = model
        self.status = status
    }
}

/// Where an action sends the browser next, with a notice key (`Strings`: `notice.KEY`) shown on arrival.
struct ActionResult: Sendable {
    var path: String
    var notice: String?

    init(_ path: String, notice: String? = nil) {
        self.path = path
        self.notice = notice
    }

    var location: String {
        guard let notice else { return path }
        return path + (path.contains("?") ? "&" : "?") + "notice=" + notice
    }
}

/// A request as pages read it: the path, its query and whether the caller is the page's script (wants JSON).
struct PageRequest: Sendable {
    let path: String
    let query: [String: String]
    let wantsJSON: Bool

    init(_ request: Request) {
        path = request.uri.path
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where query[String(name)] == nil {
            query[String(name)] = String(value).removingPercentEncoding ?? String(value)
        }
        self.query = query
        wantsJSON = request.headers[.accept]?.contains("application/json") == true
    }

    /// The trimmed query value, nil when missing or blank.
    func text(_ name: String) -> String? {
        guard let value = query[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func integer(_ name: String) -> Int? { text(name).flatMap { Int($0) } }
}

/// Why an action or page was refused, shown as a page of its own (never a crash, never a 500 for bad input).
enum DashboardFailure: Error {
    case forbidden
    case csrf
    case notFound
    case invalid(String)
}
