import AutopilotCore
import Foundation

/// Shares on LinkedIn through the Posts API: `POST {base}/rest/posts` with a Bearer token, the `LinkedIn-Version`
/// (YYYYMM) and `X-Restli-Protocol-Version: 2.0.0` headers, the author URN (`urn:li:person:…` or
/// `urn:li:organization:…`), the commentary, public visibility on the main feed, and the article link as article
/// content when there is one. LinkedIn answers 201 with the post URN in the `x-restli-id` header.
public struct LinkedInPublisher: Sendable {
    public static let platform = "LinkedIn"
    public static let defaultBaseURL = "https://api.linkedin.com"
    /// The API version sent when `LINKEDIN_VERSION` is not set (LinkedIn retires versions after about a year).
    public static let defaultVersion = "202510"

    public var baseURL: String
    public var accessToken: String
    public var authorURN: String
    public var version: String

    public init(accessToken: String, authorURN: String, baseURL: String = Self.defaultBaseURL, version: String = Self.defaultVersion) {
        self.baseURL = PublishingHTTP.trimmed(baseURL)
        self.accessToken = accessToken
        self.authorURN = authorURN
        self.version = version
    }

    /// From `LINKEDIN_ACCESS_TOKEN`, `LINKEDIN_AUTHOR_URN`, and optionally `LINKEDIN_BASE_URL` and `LINKEDIN_VERSION`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> LinkedInPublisher {
        let values = try PublishingEnvironment.require(["LINKEDIN_ACCESS_TOKEN", "LINKEDIN_AUTHOR_URN"], in: environment, platform: platform)
        guard values[1].hasPrefix("urn:li:") else {
            throw PublishingError(platform: platform, code: "configuration", message: "LINKEDIN_AUTHOR_URN \"\(values[1])\" is not a urn:li: URN")
        }
        let version = environment["LINKEDIN_VERSION"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultVersion
        guard version.count == 6, version.allSatisfy(\.isNumber) else {
            throw PublishingError(platform: platform, code: "configuration", message: "LINKEDIN_VERSION \"\(version)\" is not YYYYMM")
        }
        let base = environment["LINKEDIN_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL
        return LinkedInPublisher(accessToken: values[0], authorURN: values[1], baseURL: base, version: version)
    }

    public var endpoint: String { baseURL + "/rest/posts" }

    /// The request body.
    func body(commentary: String, link: String?, title: String, description: String) -> JSONValue {
        var object: JSONObject = [
            "author": .string(authorURN), "commentary": .string(Self.escapedCommentary(commentary)), "visibility": "PUBLIC",
            "distribution": ["feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []],
            "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false,
        ]
        if let link {
            object["content"] = ["article": ["source": .string(link), "title": .string(title), "description": .string(description)]]
        }
        return .object(object)
    }

    /// Shares `commentary` (with the article `link` when there is one); `PublishingError` with LinkedIn's `message`.
    public func post(commentary: String, link: String?, title: String, description: String, http: PublishingHTTP) async throws -> PublicationOutcome {
        let response = try await http.post(
            endpoint,
            headers: [
                ("Authorization", "Bearer \(accessToken)"), ("LinkedIn-Version", version), ("X-Restli-Protocol-Version", "2.0.0"),
                ("Content-Type", "application/json"),
            ],
            body: Array(body(commentary: commentary, link: link, title: title, description: description).jsonString.utf8), platform: Self.platform)
        guard (200..<300).contains(response.status) else {
            let answer = try? JSONParser.parse(response.body)
            let parts = [answer?["code"]?.stringValue, answer?["message"]?.stringValue]
            let reason = parts.compactMap { $0 }.joined(separator: " — ")
            throw PublishingError(
                platform: Self.platform, code: PublishingError.code(for: response.status),
                message: reason.isEmpty ? String(response.body.prefix(200)) : reason, status: response.status)
        }
        guard let urn = response.header("x-restli-id") ?? response.header("x-linkedin-id"), !urn.isEmpty else {
            throw PublishingError(
                platform: Self.platform, code: "malformed_response", message: "no x-restli-id header in the answer", status: response.status)
        }
        return PublicationOutcome(platform: "linkedin", postID: urn, url: "https://www.linkedin.com/feed/update/\(urn)")
    }

    /// The Posts API reads `commentary` as "little text": `( ) [ ] { } < > @ | ~ _ * #` and `\` are escaped with a backslash.
    static func escapedCommentary(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\()[]{}<>@|~_*#".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
