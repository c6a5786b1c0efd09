import Foundation

/// A real IMAP server: Dovecot from the Debian package `dovecot-imapd`, started by `Fixtures/imap_server.py` on a free
/// loopback port with its own configuration, a passwd-file user and Maildir storage in a scratch folder (run as `nobody`
/// when the tests run as root). `deliver` puts a message into the user's INBOX with IMAP APPEND, as a mail server would.
/// Unchecked: the process is only read (isRunning) and terminated, both thread-safe in Foundation.
public final class IMAPServer: @unchecked Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/imap_server.py")
    static let dovecot = "/usr/sbin/dovecot"

    /// True when Dovecot is installed. `AUTOPILOT_REQUIRE_IMAP=1` (CI) turns its absence into a failure instead of a skip.
    public static let isAvailable: Bool = FileManager.default.isExecutableFile(atPath: dovecot) || isRequired

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["AUTOPILOT_REQUIRE_IMAP"] == "1" }

    public static let unavailableReason = "Dovecot is not installed (apt-get install dovecot-imapd); set AUTOPILOT_REQUIRE_IMAP=1 to fail instead"

    public let directory: URL
    public let port: Int
    public let username: String
    public let password: String
    public let tls: Bool
    private let process: Process

    private init(directory: URL, port: Int, username: String, password: String, tls: Bool, process: Process) {
        self.directory = directory
        self.port = port
        self.username = username
        self.password = password
        self.tls = tls
        self.process = process
    }

    /// The server's self-signed certificate (PEM), when started with `tls`.
    public var certificatePEM: String? { try? String(contentsOf: directory.appendingPathComponent("cert.pem"), encoding: .utf8) }

    public static func start(username: String = "shop", password: String = "s3cret-pass", tls: Bool = false) async throws -> IMAPServer {
        guard FileManager.default.isExecutableFile(atPath: dovecot) else { throw StartError(description: unavailableReason) }
        let directory = try ScratchDirectory.make("imap")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, "serve", "--dir", directory.path, "--user", username, "--password", password, "--lifetime", "300"]
            + (tls ? ["--tls"] : [])
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-imap-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        for _ in 0..<600 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return IMAPServer(directory: directory, port: port, username: username, password: password, tls: tls, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let dovecotLog = (try? String(contentsOf: directory.appendingPathComponent("dovecot.log"), encoding: .utf8)) ?? ""
        throw StartError(description: "Dovecot did not start: \(output) \(dovecotLog)")
    }

    /// Delivers `message` (RFC 5322 text; bare LFs become CRLF) into the INBOX; returns its UID.
    @discardableResult
    public func deliver(_ message: String) async throws -> Int {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-imap-mail-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", Self.script.path, "append", "--port", String(port), "--user", username, "--password", password, "--file", file.path]
            + (tls ? ["--tls"] : [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let uid = Int(text) else { throw StartError(description: "APPEND failed: \(text)") }
        return uid
    }

    /// Stops Dovecot (SIGTERM to the fixture, which stops its server) and removes the files.
    public func stop() {
        if process.isRunning { process.terminate() }
        let directory = directory
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { try? FileManager.default.removeItem(at: directory) }
    }
}
