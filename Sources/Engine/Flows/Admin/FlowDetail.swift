import Foundation

/// One flow with its current definition (as written, YAML or JSON) and every version the tenant can run.
public struct FlowDetail: Sendable, Codable, Equatable {
    /// One version of a flow: the shipped file or a tenant's edit or copy.
    public struct Version: Sendable, Codable, Equatable {
        public var version: Int
        public var source: FlowSummary.Source
        /// When the tenant saved it; nil for the shipped file.
        public var createdAt: Date?
        public var current: Bool

        enum CodingKeys: String, CodingKey {
            case version, source, current
            case createdAt = "created_at"
        }
    }

    public var flow: FlowSummary
    /// `yaml` or `json`.
    public var format: String
    /// The current version's document as written. Its `version` field is informative: the server numbers versions.
    public var definition: String
    /// Oldest first.
    public var versions: [Version]
}
