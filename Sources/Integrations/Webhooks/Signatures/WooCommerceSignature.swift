/// WooCommerce's webhook signature: `X-WC-Webhook-Signature` is base64(HMAC-SHA256(secret, raw body)).
///
/// WooCommerce keys the HMAC with `wp_specialchars_decode(secret, ENT_QUOTES)`: a secret stored with HTML entities
/// (`a&amp;b`) signs as its decoded text (`a&b`). The same decoding is applied here.
public struct WooCommerceSignature: Sendable {
    public static let header = "X-WC-Webhook-Signature"

    private let key: String

    /// - Parameter secret: the secret entered in WooCommerce › Settings › Advanced › Webhooks.
    public init(secret: String) {
        key = Self.decodeSpecialCharacters(secret)
    }

    /// The header value WooCommerce sends for this body.
    public func sign(_ body: [UInt8]) -> String {
        MessageAuthentication.base64(MessageAuthentication.hmacSHA256(key: key, message: body))
    }

    /// Checks the `X-WC-Webhook-Signature` header against the raw body; throws why it does not match.
    public func verify(body: [UInt8], headers: WebhookHeaders) throws(SignatureFailure) {
        try verify(body: body, signature: headers.value(Self.header))
    }

    /// Checks a header value (nil when the header is absent) against the raw body.
    public func verify(body: [UInt8], signature: String?) throws(SignatureFailure) {
        try Base64BodySignature(header: Self.header, secret: key).verify(body: body, signature: signature)
    }

    /// What WordPress's `wp_specialchars_decode(…, ENT_QUOTES)` decodes: the entities of `& < > " '`, named or numeric.
    static func decodeSpecialCharacters(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let entities: [(String, String)] = [
            ("&lt;", "<"), ("&#60;", "<"), ("&#060;", "<"), ("&#x3c;", "<"),
            ("&gt;", ">"), ("&#62;", ">"), ("&#062;", ">"), ("&#x3e;", ">"),
            ("&quot;", "\""), ("&#34;", "\""), ("&#034;", "\""), ("&#x22;", "\""),
            ("&#39;", "'"), ("&#039;", "'"), ("&#x27;", "'"),
            ("&amp;", "&"), ("&#38;", "&"), ("&#038;", "&"), ("&#x26;", "&"),
        ]
        var output = ""
        var rest = Substring(text)
        scan: while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let tail = rest[ampersand...]
            for (entity, character) in entities where tail.lowercased().hasPrefix(entity) {
                output += character
                rest = tail.dropFirst(entity.count)
                continue scan
            }
            output += "&"
            rest = tail.dropFirst()
        }
        return output + rest
    }
}
