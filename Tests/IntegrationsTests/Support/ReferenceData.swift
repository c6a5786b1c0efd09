import AutopilotCore
import Foundation
import Testing

/// Reads the shared reference data that sits beside the repository root (`../shared/reference`).
enum ReferenceData {
    static var folder: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let beside = url.deletingLastPathComponent().appendingPathComponent("shared/reference")
                if FileManager.default.fileExists(atPath: beside.path) { return beside }
                break
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/shared/reference")
    }

    static func json(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try JSONParser.parse(Array(data))
    }
}

/// The vectors of signature_vectors.json, one value per vector.
enum SignatureVectors {
    static let all: [JSONValue] = (try? ReferenceData.json("signature_vectors.json"))?["vectors"]?.arrayValue ?? []

    static func of(_ vendor: String) -> [SignatureVector] {
        all.filter { $0["vendor"]?.stringValue == vendor }.map(SignatureVector.init)
    }
}

/// One vector, shown in test output by its vendor and name.
struct SignatureVector: Sendable, CustomTestStringConvertible {
    let json: JSONValue

    subscript(key: String) -> JSONValue? { json[key] }
    func string(_ key: String) -> String { json.string(key) }

    var testDescription: String { "\(string("vendor")): \(string("name"))" }
}

extension JSONValue {
    /// The string at `key`, or a test failure's worth of empty text.
    func string(_ key: String) -> String { self[key]?.stringValue ?? "" }
}
