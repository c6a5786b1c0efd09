import AutopilotCore
import Foundation

/// Posts to a Facebook Page through the Graph API: `POST {graph}/{page-id}/feed` with `message`, `link` and the Page
/// access token (`access_token`), form-encoded. The answer's `id` (`PAGEID_POSTID`) identifies the post.
public struct FacebookPagePublisher: Sendable {
    public static let platform = "Facebook"
    /// The Graph API base with its version.
    public static let defaultGraphURL = "https://graph.facebook.com/v24.0"

    public var graphURL: String
    public var pageID: String
    public var pageToken: String

    public init(pageID: String, pageToken: String, graphURL: String = Self.defaultGraphURL) {
        self.graphURL = PublishingHTTP.trimmed(graphURL)
        self.pageID = pageID
        self.pageToken = pageToken
    }

    /// From `FACEBOOK_PAGE_ID`, `FACEBOOK_PAGE_TOKEN` and optionally `FACEBOOK_GRAPH_URL`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> FacebookPagePublisher {
        let values = try PublishingEnvironment.require(["FACEBOOK_PAGE_ID", "FACEBOOK_PAGE_TOKEN"], in: environment, platform: platform)
        let graph = environment["FACEBOOK_GRAPH_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultGraphURL
        return FacebookPagePublisher(pageID: values[0], pageToken: values[1], graphURL: graph)
    }

    /// The endpoint the post is created at.
    public var endpoint: String {
        graphURL + "/" + (pageID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? pageID) + "/feed"
    }

    /// Posts `message` (with `link` when there is one); `PublishingError` with the Graph API's `error.message` when it refuses.
    public func post(message: String, link: String?, http: PublishingHTTP) async throws -> PublicationOutcome {
        var fields = [("message", message)]
        if let link { fields.append(("link", link)) }
        fields.append(("access_token", pageToken))
        let response = try await http.post(
            endpoint, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: PublishingHTTP.formEncoded(fields), platform: Self.platform)
        let answer = try? JSONParser.parse(response.body)
        guard (200..<300).contains(response.status) else {
            let error = answer?["error"]
            let parts = [error?["type"]?.stringValue, error?["code"]?.intValue.map { "code \($0)" }, error?["message"]?.stringValue]
            let reason = parts.compactMap { $0 }.joined(separator: " — ")
            throw PublishingError(
                platform: Self.platform, code: PublishingError.code(for: response.status),
                message: reason.isEmpty ? String(response.body.prefix(200)) : reason, status: response.status)
        }
        guard let id = answer?["id"]?.stringValue else {
            throw PublishingError(platform: Self.platform, code: "malformed_response", message: "the answer has no post id", status: response.status)
        }
        return PublicationOutcome(platform: "facebook", postID: id, url: "https://www.facebook.com/\(id)")
    }
}
