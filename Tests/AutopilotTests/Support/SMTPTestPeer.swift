import Foundation

/// The aiosmtpd server of the SMTP client's tests (`Tests/ChannelsTests/SMTP/Fixtures/smtp_peer.py`, used in place), on a
/// free port of 127.0.0.1, for tests that send through the real `SMTPSender`.
/// Unchecked: the process is only read (isRunning) and terminated, both thread-safe in Foundation.
final class SMTPTestPeer: @unchecked Sendable {
    /// One received message as the peer decoded it (`<n>.json`).
    struct Mail: Decodable, Sendable {
        struct Part: Decodable, Sendable {
            var contentType: String
            var content: String
        }

        var mailFrom: String
        var rcptTos: [String]
        var authLogin: String
        var headers: [String: String]
        var fromDisplayName: String
        var fromAddress: String
        var parts: [Part]

        func part(_ type: String) -> String? {
            parts.first { $0.contentType == type }?.content.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ChannelsTests/SMTP/Fixtures/smtp_peer.py")

    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: script.path)
    }()

    let directory: URL
    let port: Int
    private let process: Process

    private init(directory: URL, port: Int, process: Process) {
        self.directory = directory
        self.port = port
        self.process = process
    }

    /// Starts the peer with the script's flags (`--user`, `--password`…) and waits until it listens.
    static func start(_ arguments: [String] = []) async throws -> SMTPTestPeer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--dir", directory.path, "--lifetime", "120"] + arguments
        let log = directory.appendingPathComponent("peer.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOf: directory.appendingPathComponent("port"), encoding: .utf8), let port = Int(text) {
                return SMTPTestPeer(directory: directory, port: port, process: process)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw StartError(description: "the SMTP peer did not start: " + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
    }

    func stop() {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every message received so far, in order.
    func messages() throws -> [Mail] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var mails: [Mail] = []
        var number = 1
        while let data = try? Data(contentsOf: directory.appendingPathComponent("\(number).json")) {
            mails.append(try decoder.decode(Mail.self, from: data))
            number += 1
        }
        return mails
    }
}
