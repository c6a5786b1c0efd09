import Foundation
import HTTPTypes
import Hummingbird

/// `GET /widget.js`: the embeddable chat widget a shop pastes into its pages
/// (`<script src="https://autopilot.example/widget.js" data-key="wk_…" defer></script>`). Hand-written, no third-party
/// code, no inline script or `eval`, so it runs under a strict Content-Security-Policy.
struct WidgetRoutes {
    func register(on router: Router<AppRequestContext>) {
        router.get("widget.js") { _, _ in
            var response = JSONResponse.raw(Array(WidgetScript.text.utf8), status: .ok, contentType: "text/javascript; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=300"
            response.headers[.crossOriginResourcePolicy] = "cross-origin"
            return response
        }
    }
}

/// The widget's script (Sources/Server/Resources/widget/widget.js).
enum WidgetScript {
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "widget", withExtension: "js", subdirectory: "widget"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "/* the Autopilot widget is missing from this build */\n" }
        return text
    }()
}
