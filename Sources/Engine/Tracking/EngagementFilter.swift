import Foundation

/// Tells machine engagement from people's: opens fetched by mailbox providers' privacy proxies (Apple Mail Privacy
/// Protection loads every image as the mail arrives) and clicks by link scanners (security gateways that follow every
/// link on delivery). Flagged opens and clicks are kept in the event log with their `flagged` reason but not counted: no
/// open or click on the message, no attribution. Pure.
public enum EngagementFilter {
    /// An open this soon after the message went is a proxy's prefetch, not a person.
    public static let proxyOpenWithin: TimeInterval = 5
    /// A click this soon after the message went is a scanner's.
    public static let scannerClickWithin: TimeInterval = 10

    /// User agents of link scanners and security gateways (lower case, matched as substrings).
    static let scannerAgents = [
        "barracuda", "mimecast", "proofpoint", "urldefense", "safelinks", "symantec", "trendmicro", "forcepoint", "sophos", "fortiguard",
        "bitdefender", "spamtitan", "microsoft office existence discovery", "python-requests", "curl/", "wget/", "go-http-client", "bot",
        "crawler", "spider", "headless",
    ]

    /// User agents of image proxies that fetch on delivery (Apple's sends a bare `Mozilla/5.0`).
    static let proxyAgents = ["yahoomailproxy", "ymailproxy"]

    /// `privacy_proxy` for an open that a proxy made, else nil.
    public static func openFlag(userAgent: String?, sentAt: Date?, at: Date) -> String? {
        let agent = userAgent?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if agent == "mozilla/5.0" || proxyAgents.contains(where: { agent.contains($0) }) { return "privacy_proxy" }
        if let sentAt, at.timeIntervalSince(sentAt) < proxyOpenWithin { return "privacy_proxy" }
        return nil
    }

    /// `scanner` for a click a link scanner made, else nil.
    public static func clickFlag(userAgent: String?, sentAt: Date?, at: Date) -> String? {
        let agent = userAgent?.lowercased() ?? ""
        if scannerAgents.contains(where: { agent.contains($0) }) { return "scanner" }
        if let sentAt, at.timeIntervalSince(sentAt) < scannerClickWithin { return "scanner" }
        return nil
    }
}
