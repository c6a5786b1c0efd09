import Channels
import Testing

@Suite("SMTP settings from the environment")
struct SMTPSettingsTests {
    static let minimal = ["SMTP_HOST": "smtp.provider.example", "SMTP_FROM": "Boutique Élise <hello@shop.example>"]

    @Test("the minimal environment: STARTTLS on 587, name and address split, no credentials")
    func minimal() throws {
        let settings = try SMTPSettings.fromEnvironment(Self.minimal)
        #expect(settings.host == "smtp.provider.example")
        #expect(settings.security == .startTLS)
        #expect(settings.port == 587)
        #expect(settings.fromAddress == "hello@shop.example")
        #expect(settings.fromName == "Boutique Élise")
        #expect(settings.heloName == "shop.example")
        #expect(settings.username == nil && settings.password == nil)
        #expect(settings.trustRoots == .system)
    }

    @Test("every variable read")
    func complete() throws {
        let env = Self.minimal.merging([
            "SMTP_PORT": "2465", "SMTP_SECURITY": "TLS", "SMTP_USERNAME": "apikey", "SMTP_PASSWORD": "secret", "SMTP_FROM": "hello@shop.example",
        ]) { $1 }
        let settings = try SMTPSettings.fromEnvironment(env)
        #expect(settings.port == 2465)
        #expect(settings.security == .implicitTLS)
        #expect(settings.username == "apikey" && settings.password == "secret")
        #expect(settings.fromName == nil)
        #expect(try SMTPSettings.fromEnvironment(Self.minimal.merging(["SMTP_SECURITY": "none"]) { $1 }).port == 25)
        #expect(try SMTPSettings.fromEnvironment(Self.minimal.merging(["SMTP_SECURITY": "tls"]) { $1 }).port == 465)
    }

    @Test("the password never shows in descriptions")
    func redacted() throws {
        let env = Self.minimal.merging(["SMTP_USERNAME": "apikey", "SMTP_PASSWORD": "hunter2"]) { $1 }
        let settings = try SMTPSettings.fromEnvironment(env)
        #expect(String(describing: settings) == "smtp starttls://apikey:***@smtp.provider.example:587 from hello@shop.example")
        #expect(!String(reflecting: settings).contains("hunter2"))
        #expect(!"\(settings)".contains("hunter2"))
    }

    @Test(
        "bad or missing variables name the variable",
        arguments: [
            (["SMTP_HOST": ""], "SMTP_HOST"),
            (["SMTP_HOST": "smtp.example:587"], "SMTP_HOST"),
            (["SMTP_FROM": "not an address"], "SMTP_FROM"),
            (["SMTP_FROM": "Shop <hello@shop.example\r\nBcc: x@y.z>"], "SMTP_FROM"),
            (["SMTP_PORT": "0"], "SMTP_PORT"),
            (["SMTP_PORT": "smtp"], "SMTP_PORT"),
            (["SMTP_SECURITY": "ssl"], "SMTP_SECURITY"),
            (["SMTP_USERNAME": "apikey"], "SMTP_PASSWORD"),
            (["SMTP_PASSWORD": "secret"], "SMTP_USERNAME"),
        ])
    func invalid(overrides: [String: String], field: String) {
        var env = Self.minimal.merging(overrides) { $1 }
        env = env.filter { !$0.value.isEmpty }
        #expect {
            _ = try SMTPSettings.fromEnvironment(env)
        } throws: { error in
            guard let error = error as? SMTPConfigurationError else { return false }
            return error.field == field && error.message.contains(field == "SMTP_PASSWORD" || field == "SMTP_USERNAME" ? "SMTP_" : "")
        }
    }

    @Test("a certificate PEM that holds no certificate is refused when the sender is made")
    func badCertificate() {
        var settings = SMTPSettings(host: "localhost", fromAddress: "hello@shop.example")
        settings.trustRoots = .certificatesPEM("not a certificate")
        #expect(throws: SMTPConfigurationError.self) { try SMTPSender(settings: settings) }
    }
}
