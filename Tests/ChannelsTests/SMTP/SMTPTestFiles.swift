import Foundation
import TestSupport

/// Self-signed certificates for the SMTP tests.
enum SMTPTestFiles {
    /// A self-signed certificate for `localhost` and 127.0.0.1, made with the `openssl` command.
    struct Certificate {
        var directory: URL
        var certificatePath: String
        var keyPath: String
        var pem: String

        func remove() {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func makeCertificate() throws -> Certificate {
        let directory = try ScratchDirectory.make("smtp-cert")
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out",
            certificate, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SMTPPeer.StartError(description: "openssl req failed with status \(process.terminationStatus)")
        }
        let pem = try String(contentsOfFile: certificate, encoding: .utf8)
        return Certificate(directory: directory, certificatePath: certificate, keyPath: key, pem: pem)
    }
}
