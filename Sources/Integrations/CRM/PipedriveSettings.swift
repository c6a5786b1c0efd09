import Foundation

/// How Autopilot reaches a Pipedrive company (an API token) and which custom fields carry the lead score and tier.
///
/// Pipedrive names custom fields by a generated key (40 hex characters); leave a field nil to not send it.
public struct PipedriveSettings: Sendable, Hashable, CustomStringConvertible {
    public var apiToken: String
    /// `https://{company}.pipedrive.com/api/v1`, or a proxy or test server.
    public var baseURL: String
    public var personScoreField: String?
    public var personTierField: String?
    public var dealScoreField: String?
    public var dealTierField: String?

    public init(
        apiToken: String, baseURL: String = "https://api.pipedrive.com/api/v1", personScoreField: String? = nil, personTierField: String? = nil,
        dealScoreField: String? = nil, dealTierField: String? = nil
    ) {
        self.apiToken = apiToken
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.personScoreField = personScoreField
        self.personTierField = personTierField
        self.dealScoreField = dealScoreField
        self.dealTierField = dealTierField
    }

    /// Without the token.
    public var description: String { "pipedrive via \(baseURL)" }
}
