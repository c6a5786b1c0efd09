import Foundation
import Mustache

/// The Mustache templates of `Resources/templates`, parsed once; `layout` wraps every page.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("templates") else {
            throw DashboardSetupError(message: "the dashboard's templates are missing from the bundle")
        }
        var templates: [String: MustacheTemplate] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
    }

    /// The template `name` rendered over `context`; a missing template is a programming error reported as text.
    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? "<!-- missing template \(name) -->"
    }
}

struct DashboardSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Static files (`Resources/static`), read once.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let bytes: [UInt8]
    }

    let assets: [String: Asset]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("static") else {
            throw DashboardSetupError(message: "the dashboard's static files are missing from the bundle")
        }
        var assets: [String: Asset] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            assets[file] = Asset(contentType: Self.contentType(file), bytes: [UInt8](data))
        }
        self.assets = assets
    }

    static func contentType(_ file: String) -> String {
        if file.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if file.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if file.hasSuffix(".svg") { return "image/svg+xml" }
        return "application/octet-stream"
    }
}
