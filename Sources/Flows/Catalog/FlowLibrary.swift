import AutopilotCore
import Foundation

/// The built-in flows, shipped as YAML files in the package's `Library` resource folder (file name = flow id).
public enum FlowLibrary {
    /// The normative ids of the built-in flows.
    public static let ids: [String] = [
        "abandoned-cart", "order-confirmation-sms", "shipping-notification-sms", "review-request", "at-risk-customer", "birthday",
        "replenishment", "price-drop", "referral", "welcome", "win-back", "lead-nurture",
        "delegate-silence", "delegate-not-opened", "delegate-opened-no-reply",
    ]

    private static let loaded: Result<[FlowDefinition], LibraryError> = {
        guard let directory = Bundle.module.url(forResource: "Library", withExtension: nil) else {
            let issue = ValidationIssue(path: "", message: "the resource folder is missing from the bundle")
            return .failure(LibraryError(code: "invalid_flow_library", files: ["Library": [issue]]))
        }
        return load(from: directory)
    }()

    /// Every built-in flow, sorted by id, parsed and validated once from `Bundle.module`.
    public static var builtIn: [FlowDefinition] {
        get throws(LibraryError) { try loaded.get() }
    }

    /// The YAML text of a built-in flow, as shipped.
    public static func source(id: String) -> String? {
        guard ids.contains(id), let directory = Bundle.module.url(forResource: "Library", withExtension: nil) else { return nil }
        return try? String(contentsOf: directory.appendingPathComponent("\(id).yaml"), encoding: .utf8)
    }

    /// The built-in flow with this id.
    public static func flow(id: String) throws(LibraryError) -> FlowDefinition? {
        try builtIn.first { $0.id == id }
    }

    /// Reads every `.yaml`, `.yml` and `.json` file of a folder as a flow whose id must be the file name.
    public static func load(from directory: URL) -> Result<[FlowDefinition], LibraryError> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let issue = ValidationIssue(path: "", message: "cannot list: \(error)")
            return .failure(LibraryError(code: "invalid_flow_library", files: [directory.lastPathComponent: [issue]]))
        }
        var flows: [FlowDefinition] = []
        var problems: [String: [ValidationIssue]] = [:]
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()) else { continue }
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                problems[name] = [ValidationIssue(path: "", message: "cannot be read as UTF-8 text")]
                continue
            }
            do {
                let flow = try FlowDefinition.parse(text)
                let expected = url.deletingPathExtension().lastPathComponent
                if flow.id != expected {
                    problems[name] = [ValidationIssue(path: "id", message: "\"\(flow.id)\" differs from the file name \"\(expected)\"")]
                } else {
                    flows.append(flow)
                }
            } catch {
                problems[name] = error.issues
            }
        }
        guard problems.isEmpty else { return .failure(LibraryError(code: "invalid_flow_library", files: problems)) }
        return .success(flows.sorted { $0.id < $1.id })
    }
}
