import AutopilotCore

/// What publishing to one platform did: the post's id and address, or the error. The article is never lost to it.
public struct PublicationOutcome: Sendable, Hashable {
    /// `wordpress`, `facebook`, `linkedin`.
    public var platform: String
    public var postID: String?
    public var url: String?
    /// WordPress: `draft` or `publish`.
    public var status: String?
    public var error: PublishingError?

    public init(platform: String, postID: String? = nil, url: String? = nil, status: String? = nil, error: PublishingError? = nil) {
        self.platform = platform
        self.postID = postID
        self.url = url
        self.status = status
        self.error = error
    }

    public var succeeded: Bool { error == nil }

    /// `{"platform", "ok", "id", "url", "status", "error": {"code", "message", "http_status"}}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["platform": .string(platform), "ok": .bool(succeeded)]
        object["id"] = postID.map(JSONValue.string) ?? .null
        object["url"] = url.map(JSONValue.string) ?? .null
        if let status { object["status"] = .string(status) }
        if let error {
            object["error"] = [
                "code": .string(error.code), "message": .string(error.description),
                "http_status": error.status.map { .int(Int64($0)) } ?? .null,
            ]
        }
        return .object(object)
    }
}
