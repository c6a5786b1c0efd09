import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import TestSupport

/// The real server (`buildApplication`) on a real SQLite file, with two shops: "Boutique A" (an owner, an editor and a
/// viewer) and "Boutique B" (an owner), and a little history in A.
struct DashboardHarness {
    static let password = "correct horse battery staple"
    static let now = Timestamp.parse("2026-03-11T10:00:00Z")!

    let app: any ApplicationProtocol
    let store: SQLStore
    let clock: ManualClock
    let dependencies: Dependencies
    let tenantA: String
    let tenantB: String

    static func make(history: Bool = true) async throws -> DashboardHarness {
        let folder = try ScratchDirectory.make("dashboard")
        let store = SQLStore(database: try SQLiteDatabase(path: folder.appendingPathComponent("dashboard.sqlite").path))
        try await store.migrate(now: now)
        let clock = ManualClock(now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenants = TenantService(dependencies: dependencies)
        let first = try await tenants.create(name: "Boutique A")
        let second = try await tenants.create(name: "Boutique B")
        let accounts = AccountService(dependencies: dependencies)
        _ = try await accounts.createUser(tenantID: first.tenantID, email: "owner@a.example", role: .owner, password: password)
        _ = try await accounts.createUser(tenantID: first.tenantID, email: "editor@a.example", role: .editor, password: password)
        _ = try await accounts.createUser(tenantID: first.tenantID, email: "viewer@a.example", role: .viewer, password: password)
        _ = try await accounts.createUser(tenantID: second.tenantID, email: "owner@b.example", role: .owner, password: password)
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: dependencies, databaseName: "dashboard")
        let harness = DashboardHarness(app: app, store: store, clock: clock, dependencies: dependencies, tenantA: first.tenantID, tenantB: second.tenantID)
        if history { try await harness.ingest(DashboardHistory.events, tenantID: first.tenantID) }
        return harness
    }

    func ingest(_ events: [JSONValue], tenantID: String) async throws {
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: tenantID)
    }
}

/// A browser of sorts: keeps the cookies the server sets and sends them back, reads the CSRF token off pages.
struct WebSession {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var acceptLanguage = "fr-FR,fr;q=0.9"

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    mutating func get(_ path: String) async throws -> Page {
        let response = try await client.execute(uri: path, method: .get, headers: headers())
        remember(response)
        return Page(response)
    }

    mutating func post(_ path: String, _ fields: [(String, String)], json: Bool = false) async throws -> Page {
        var headers = headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if json { headers[.accept] = "application/json" }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return Page(response)
    }

    /// Signs in through the form, as a person would.
    @discardableResult
    mutating func signIn(_ email: String, password: String = DashboardHarness.password) async throws -> Page {
        let form = try await get("/login")
        let token = try form.csrfToken()
        return try await post("/login", [("csrf_token", token), ("email", email), ("password", password)])
    }

    /// The CSRF token of any signed-in page.
    mutating func csrfToken() async throws -> String {
        try await get("/settings").csrfToken()
    }

    private func headers() -> HTTPFields {
        var headers: HTTPFields = [.acceptLanguage: acceptLanguage]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return headers
    }

    private mutating func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[1])
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// A response as a page: status, headers, body text.
struct Page {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        body = String(buffer: response.body)
    }

    var location: String? { headers[.location] }

    struct Missing: Error, CustomStringConvertible {
        let what: String
        var description: String { what }
    }

    func csrfToken() throws -> String {
        guard let range = body.range(of: "name=\"csrf_token\" value=\"") else { throw Missing(what: "no csrf_token field in the page") }
        let rest = body[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { throw Missing(what: "unterminated csrf_token") }
        return String(rest[..<end])
    }

    /// Every `href` of links to `prefix` (e.g. `/leads/`).
    func links(to prefix: String) -> [String] {
        body.components(separatedBy: "href=\"").dropFirst().compactMap { part in
            let link = String(part.prefix { $0 != "\"" })
            return link.hasPrefix(prefix) ? link : nil
        }
    }
}
