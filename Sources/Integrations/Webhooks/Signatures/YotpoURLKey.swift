import Foundation

/// Yotpo does not sign its review webhooks (`review_create`, `review_updated`): the only thing a receiver can check is
/// the URL it gave Yotpo. Autopilot's URL carries the endpoint's token in its path and, for Yotpo, the endpoint's secret
/// as the `key` query parameter (`…/v1/webhooks/yotpo/<token>?key=<secret>`), compared in constant time (as hashes, so
/// not even its length shows).
public struct YotpoURLKey: Sendable {
    public static let parameter = "key"
    private let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    public func verify(url: String) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no Yotpo key is configured") }
        let items = URLComponents(string: url)?.queryItems ?? []
        guard let key = items.first(where: { $0.name == Self.parameter })?.value, !key.isEmpty else {
            throw SignatureFailure(.missingSignature, "the URL has no ?key=: give Yotpo the URL with the endpoint's key in it")
        }
        guard MessageAuthentication.constantTimeEquals(MessageAuthentication.sha256(Array(key.utf8)), MessageAuthentication.sha256(Array(secret.utf8))) else {
            throw SignatureFailure(.badSignature, "the URL's key does not match the endpoint's")
        }
    }
}
