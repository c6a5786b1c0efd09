import AutopilotCore
import Foundation

/// Keeps a claimed batch's lease honest while the batch works: renew it every quarter of the lease (with the outcomes
/// written then), and stop (handing the rest back) once four fifths of it have passed without a renewal, since a renewal
/// that late could land after another worker claimed the same rows. So a slow provider or model never lets a second
/// worker take, and send again, something this one still holds.
struct LeaseKeeper {
    enum Check: Equatable {
        /// Go on.
        case keep
        /// Go on, and write this new end of the lease for what is still held.
        case renew(until: Date)
        /// Stop: hand what is still held back.
        case expiring
    }

    let lease: TimeInterval
    private var renewedAt = ContinuousClock.now

    init(lease: TimeInterval) {
        self.lease = lease
    }

    /// Where the claim stands now; a `.renew` counts as renewed from this moment.
    mutating func check(clock: any Clock) -> Check {
        let elapsed = (ContinuousClock.now - renewedAt).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        if seconds >= lease * 0.8 { return .expiring }
        guard seconds >= lease / 4 else { return .keep }
        renewedAt = ContinuousClock.now
        return .renew(until: clock.now().addingTimeInterval(lease))
    }
}
