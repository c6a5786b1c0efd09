import AutopilotCore
import Foundation

/// Posts an article to WordPress through its REST API: `POST {WP_URL}/wp-json/wp/v2/posts` with Basic authentication
/// (user and application password), `title`, `content` (the HTML without the title), `excerpt` (the meta description) and `status`
/// (`draft` by default, or `publish`). The answer's `id` and `link` identify the post.
public struct WordPressPublisher: Sendable {
    public static let platform = "WordPress"

    /// The site, e.g. `https://blog.example.com` (a trailing `/wp-json` is tolerated).
    public var siteURL: String
    public var user: String
    public var applicationPassword: String
    /// `draft` or `publish`.
    public var status: String

    public init(siteURL: String, user: String, applicationPassword: String, status: String = "draft") {
        var site = PublishingHTTP.trimmed(siteURL)
        if site.hasSuffix("/wp-json") { site.removeLast("/wp-json".count) }
        self.siteURL = site
        self.user = user
        self.applicationPassword = applicationPassword
        self.status = status
    }

    /// From `WP_URL`, `WP_USER`, `WP_APP_PASSWORD`; a `configuration` error names the first one missing.
    public static func fromEnvironment(_ environment: [String: String], status: String = "draft") throws -> WordPressPublisher {
        let values = try PublishingEnvironment.require(["WP_URL", "WP_USER", "WP_APP_PASSWORD"], in: environment, platform: platform)
        guard ["draft", "publish"].contains(status) else {
            throw PublishingError(platform: platform, code: "configuration", message: "status \"\(status)\" is not draft or publish")
        }
        return WordPressPublisher(siteURL: values[0], user: values[1], applicationPassword: values[2], status: status)
    }

    /// The endpoint posts are created at.
    public var endpoint: String { siteURL + "/wp-json/wp/v2/posts" }

    /// Creates the post; `PublishingError` with WordPress's `code` and `message` when it refuses.
    public func publish(_ article: some PublishableArticle, http: PublishingHTTP) async throws -> PublicationOutcome {
        let credentials = Data("\(user):\(applicationPassword)".utf8).base64EncodedString()
        let body: JSONValue = [
            "title": .string(article.title), "content": .string(article.bodyHTML), "excerpt": .string(article.metaDescription),
            "status": .string(status),
        ]
        let response = try await http.post(
            endpoint,
            headers: [("Authorization", "Basic \(credentials)"), ("Content-Type", "application/json"), ("Accept", "application/json")],
            body: Array(body.jsonString.utf8), platform: Self.platform)
        let answer = try? JSONParser.parse(response.body)
        guard (200..<300).contains(response.status) else {
            let reason = [answer?["code"]?.stringValue, answer?["message"]?.stringValue].compactMap { $0 }.joined(separator: " — ")
            throw PublishingError(
                platform: Self.platform, code: PublishingError.code(for: response.status),
                message: reason.isEmpty ? String(response.body.prefix(200)) : reason, status: response.status)
        }
        guard let id = answer?["id"]?.intValue else {
            throw PublishingError(platform: Self.platform, code: "malformed_response", message: "the answer has no post id", status: response.status)
        }
        return PublicationOutcome(
            platform: "wordpress", postID: String(id), url: answer?["link"]?.stringValue, status: answer?["status"]?.stringValue ?? status)
    }
}
