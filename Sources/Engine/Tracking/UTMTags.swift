import Foundation

/// The UTM parameters a tracked link gets, so the shop's analytics see where a visit came from: `utm_source=autopilot`,
/// `utm_medium` the channel, `utm_campaign` the flow (or broadcast) id, `utm_content` the step or variant. Pure.
public struct UTMTags: Sendable, Hashable {
    public var source: String
    public var medium: String
    public var campaign: String
    public var content: String?

    /// The tenant setting that turns tagging off (`off`).
    public static let setting = "tracking.utm"

    public init(source: String = "autopilot", medium: String, campaign: String, content: String? = nil) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.content = content
    }

    /// `url` with the parameters added to its query (before any `#fragment`); unchanged when it already carries a `utm_`
    /// parameter.
    public func tagging(_ url: String) -> String {
        let hashIndex = url.firstIndex(of: "#")
        let base = hashIndex.map { String(url[..<$0]) } ?? url
        let fragment = hashIndex.map { String(url[$0...]) } ?? ""
        if let query = base.split(separator: "?", maxSplits: 1).dropFirst().first {
            let keys = query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init)?.lowercased() ?? "" }
            if keys.contains(where: { $0.hasPrefix("utm_") }) { return url }
        }
        var pairs = [("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign)]
        if let content { pairs.append(("utm_content", content)) }
        let added = pairs.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + added + fragment
    }

    /// The tags of a flow message: its channel, flow and step (`steps-1.b-0` for `steps[1].b[0]`, naming the variant).
    public static func forMessage(channel: String, flowID: String?, step: String?) -> UTMTags {
        if flowID == nil, let step, step.hasPrefix("broadcast:") {
            // A broadcast's message: `broadcast:ID` or `broadcast:ID/VARIANT`.
            let parts = step.dropFirst("broadcast:".count).split(separator: "/", maxSplits: 1).map(String.init)
            return UTMTags(medium: channel, campaign: parts.first ?? "broadcast", content: parts.count > 1 ? parts[1] : nil)
        }
        let content = step.map { $0.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "") }
        return UTMTags(medium: channel, campaign: flowID ?? "autopilot", content: content)
    }

    private static let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
