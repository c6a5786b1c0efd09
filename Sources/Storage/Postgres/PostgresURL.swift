import Foundation
import PostgresNIO

/// Reads `postgres://user:password@host:port/database?sslmode=disable|prefer|require`.
enum PostgresURL {
    struct InvalidURL: Error, CustomStringConvertible {
        let reason: String
        var description: String { "DATABASE_URL: \(reason)" }
    }

    static func configuration(from text: String) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw InvalidURL(reason: "expected postgres://user:password@host:port/database")
        }
        guard let host = url.host, !host.isEmpty else { throw InvalidURL(reason: "the host is missing") }
        guard let user = url.user, !user.isEmpty else { throw InvalidURL(reason: "the user name is missing") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? (["127.0.0.1", "localhost", "::1"].contains(host) ? "disable" : "prefer")
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "require", "verify-full", "verify-ca": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password?.removingPercentEncoding,
            database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = 10
        return configuration
    }
}
