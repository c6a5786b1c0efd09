import Foundation

/// Reading publishers' settings from environment variables.
enum PublishingEnvironment {
    /// The values of `names`, in order; a `configuration` error names the first one missing or empty.
    static func require(_ names: [String], in environment: [String: String], platform: String) throws -> [String] {
        try names.map { name in
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw PublishingError(platform: platform, code: "configuration", message: "\(name) is not set")
            }
            return value
        }
    }
}
