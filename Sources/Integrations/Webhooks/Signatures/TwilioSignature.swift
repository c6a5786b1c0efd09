import Foundation

/// Twilio's request signature: `X-Twilio-Signature` is base64(HMAC-SHA1(auth token, full URL + the POST parameters
/// sorted by name, each name immediately followed by its value)). Repeated names contribute every value, sorted.
///
/// A JSON body is signed differently: the URL carries `bodySHA256=<hex SHA-256 of the body>` and only the URL is signed.
/// Like Twilio's libraries, the URL is also tried without its port and with the scheme's default port, because
/// proxies disagree on whether the port is part of the URL Twilio called.
public struct TwilioSignature: Sendable {
    public static let header = "X-Twilio-Signature"

    private let authToken: String

    /// - Parameter authToken: the account's auth token, which signs every request Twilio makes.
    public init(authToken: String) {
        self.authToken = authToken
    }

    /// The header value Twilio sends for a form POST to `url`.
    public func sign(url: String, parameters: [FormField]) -> String {
        MessageAuthentication.base64(MessageAuthentication.hmacSHA1(key: authToken, message: Array(Self.stringToSign(url, parameters).utf8)))
    }

    /// `url` followed by every parameter name and value, sorted by name and then by value (byte order).
    public static func stringToSign(_ url: String, _ parameters: [FormField]) -> String {
        let sorted = parameters.sorted { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        return sorted.reduce(into: url) { $0 += $1.name + $1.value }
    }

    /// Verifies a request from its raw body: form parameters, or a JSON body whose hash the URL carries.
    public func verify(url: String, body: [UInt8], headers: WebhookHeaders) throws(SignatureFailure) {
        let signature = headers.value(Self.header)
        if let bodyHash = Self.queryValue("bodySHA256", in: url) {
            try checkPreconditions(signature)
            guard let expected = MessageAuthentication.decodeHex(bodyHash),
                MessageAuthentication.constantTimeEquals(expected, MessageAuthentication.sha256(body))
            else { throw SignatureFailure(.badSignature, "the bodySHA256 of the URL does not match the body") }
            try verify(url: url, parameters: [], signature: signature)
            return
        }
        guard let form = FormBody(body) else {
            throw SignatureFailure(.malformedBody, "the body is not application/x-www-form-urlencoded UTF-8")
        }
        try verify(url: url, parameters: form.pairs, signature: signature)
    }

    /// Checks a header value (nil when absent) against the URL and the decoded POST parameters.
    public func verify(url: String, parameters: [FormField], signature: String?) throws(SignatureFailure) {
        try checkPreconditions(signature)
        guard let signature, let received = MessageAuthentication.decodeBase64(signature), received.count == 20 else {
            throw SignatureFailure(.malformedSignature, "the \(Self.header) header is not a base64 HMAC-SHA1 (20 bytes)")
        }
        var matched = false
        for candidate in Self.urlVariants(url) {
            let expected = MessageAuthentication.hmacSHA1(key: authToken, message: Array(Self.stringToSign(candidate, parameters).utf8))
            if MessageAuthentication.constantTimeEquals(received, expected) { matched = true }
        }
        guard matched else { throw SignatureFailure(.badSignature, "the \(Self.header) header does not match the URL and parameters") }
    }

    private func checkPreconditions(_ signature: String?) throws(SignatureFailure) {
        guard !authToken.isEmpty else { throw SignatureFailure(.missingSecret, "no Twilio auth token is configured") }
        guard signature != nil else { throw SignatureFailure(.missingSignature, "the \(Self.header) header is missing") }
    }

    /// The URL as given, without its port, and with the scheme's default port when it has none.
    static func urlVariants(_ url: String) -> [String] {
        guard let schemeEnd = url.range(of: "://") else { return [url] }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let hostPart = authority[hostStart...]
        let prefix = url[..<hostStart]
        let suffix = url[authorityEnd...]
        var variants = [url]
        if let colon = hostPart.lastIndex(of: ":"), !hostPart[colon...].contains("]") {
            variants.append(String(prefix + hostPart[..<colon] + suffix))
        } else if let port = scheme == "https" ? "443" : scheme == "http" ? "80" : nil {
            variants.append(String(prefix + hostPart) + ":" + port + suffix)
        }
        return variants
    }

    static func queryValue(_ name: String, in url: String) -> String? {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for item in query.split(separator: "#", maxSplits: 1)[0].split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first.map(String.init) == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}
