/// Twilio Messaging callbacks: form parameters as Twilio posts them (status callbacks and incoming-message webhooks).
enum TwilioSamples {
    static let account = "AC3f9c2b1a0e9d8c7b6a5f4e3d2c1b0a9f"

    static func statusCallback(
        _ status: String, to: String = "+33612345678", sid: String = "SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c"
    )
        -> [(String, String)]
    {
        [
            ("AccountSid", account), ("ApiVersion", "2010-04-01"), ("From", to.hasPrefix("whatsapp:") ? "whatsapp:+14155238886" : "+33757000000"),
            ("MessageSid", sid), ("MessageStatus", status), ("SmsSid", sid), ("SmsStatus", status), ("To", to),
        ] + (status == "undelivered" || status == "failed" ? [("ErrorCode", "30003")] : [])
    }

    static func inbound(_ body: String, from: String = "+33612345678", extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("AccountSid", account), ("ApiVersion", "2010-04-01"), ("Body", body), ("From", from), ("FromCountry", "FR"),
            ("MessageSid", "SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"), ("NumMedia", "0"), ("NumSegments", "1"),
            ("SmsMessageSid", "SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"), ("SmsSid", "SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"), ("SmsStatus", "received"),
            ("To", from.hasPrefix("whatsapp:") ? "whatsapp:+14155238886" : "+33757000000"), ("ToCountry", "FR"),
        ] + extra
    }
}
