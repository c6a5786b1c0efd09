import Dispatch
import GRDBSQLite
import Synchronization

/// Copies a WAL file's pages into the database file on a connection and a thread of its own, so that the writer's commits
/// do not wait for it.
///
/// SQLite's own automatic checkpoint runs inside the `COMMIT` that takes the WAL past its threshold: the writer copies
/// every page written since the last checkpoint into the file, and syncs both files, before its next transaction can
/// begin. Here the commit only tells this checkpointer how many frames the WAL holds (SQLite's WAL hook), and a passive
/// checkpoint runs beside the writer; a checkpoint never takes the write lock, so both go on at once. When the WAL
/// resets is still SQLite's decision: at a commit that finds every frame copied and no reader using them.
///
/// If the checkpoints fall behind — the WAL reaches `writerBound` frames — the writer waits for the one running and
/// checkpoints itself, as SQLite would: the WAL stays bounded whatever the load.
public final class SQLiteCheckpointer: Sendable {
    /// When a checkpoint runs, and whether it syncs.
    public struct Settings: Sendable, Equatable {
        /// Frames in the WAL from which a commit asks for a checkpoint (SQLite's `wal_autocheckpoint`).
        public var threshold: Int32
        /// Whether a checkpoint syncs the WAL before copying and the file after (`synchronous = NORMAL`), or not (`OFF`).
        public var syncs: Bool
        /// Frames from which the writer waits for the checkpoint running and checkpoints itself; eight times the
        /// threshold unless given.
        public var writerBound: Int32

        public init(threshold: Int32, syncs: Bool, writerBound: Int32? = nil) {
            self.threshold = threshold
            self.syncs = syncs
            let eightfold = threshold.multipliedReportingOverflow(by: 8)
            self.writerBound = writerBound ?? (eightfold.overflow ? .max : eightfold.partialValue)
        }

        /// A server's: a checkpoint every 1,000 pages, synced.
        public static let standard = Settings(threshold: 1_000, syncs: true)
    }

    /// Checkpoints run so far: beside the writer, and by the writer itself because the WAL had grown to `writerBound`.
    public struct Counts: Sendable, Equatable {
        public var background = 0
        public var byWriter = 0
    }

    private struct State {
        var settings: Settings
        var running = false
        var pending = false
        var closed = false
        var counts = Counts()
    }

    private let state: Mutex<State>
    private let connection: CheckpointConnection
    private let queue = DispatchQueue(label: "autopilot.sqlite.checkpoint")

    /// Opens a connection of its own to the database file at `path` (in WAL mode already).
    public init(path: String, settings: Settings = .standard) throws {
        self.connection = try CheckpointConnection(path: path)
        self.state = Mutex(State(settings: settings))
    }

    /// Takes over the automatic checkpoints of `writer`, a connection to the same file: from now on its commits call
    /// `committed(frames:)` instead of checkpointing themselves.
    ///
    /// The hook holds the checkpointer weakly, through a small box that stays with the connection (a connection cannot
    /// say when it closes); once the checkpointer is closed or gone, the writer's commits checkpoint themselves again.
    public func install(on writer: OpaquePointer) {
        let target = HookTarget(self)
        sqlite3_wal_hook(writer, walHook, Unmanaged.passRetained(target).toOpaque())
    }

    public var settings: Settings { state.withLock { $0.settings } }
    public var counts: Counts { state.withLock { $0.counts } }

    /// Changes when checkpoints run from the next commit on.
    public func configure(_ settings: Settings) {
        state.withLock { $0.settings = settings }
    }

    /// Waits until no checkpoint is running or asked for.
    public func settle() {
        queue.sync {}
    }

    /// Waits for the checkpoint running, then closes the connection; commits after this checkpoint themselves.
    public func close() {
        state.withLock { $0.closed = true }
        queue.sync { connection.close() }
    }

    private enum Action {
        case nothing, start, writerCheckpoints
    }

    /// Called by the writer's connection after each commit, with the frames the WAL holds.
    func committed(frames: Int32, writer: OpaquePointer?, schema: UnsafePointer<CChar>?) {
        let action: Action = state.withLock { state in
            guard frames >= state.settings.threshold else { return .nothing }
            // Closed, the checkpointer no longer runs any: the writer does, as SQLite would.
            if state.closed || frames >= state.settings.writerBound { return .writerCheckpoints }
            if state.running {
                state.pending = true
                return .nothing
            }
            state.running = true
            return .start
        }
        switch action {
        case .nothing:
            return
        case .start:
            queue.async { self.drain() }
        case .writerCheckpoints:
            settle()
            sqlite3_wal_checkpoint_v2(writer, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            state.withLock { $0.counts.byWriter += 1 }
        }
    }

    /// Checkpoints until no commit asked for one while it ran.
    private func drain() {
        while true {
            let syncs = state.withLock { $0.settings.syncs }
            connection.checkpoint(syncs: syncs)
            let again = state.withLock { state in
                state.counts.background += 1
                if state.pending, !state.closed {
                    state.pending = false
                    return true
                }
                state.running = false
                state.pending = false
                return false
            }
            guard again else { return }
        }
    }
}

/// What the WAL hook is given: the checkpointer, held weakly.
private final class HookTarget: @unchecked Sendable {
    // Written once, before the hook is installed; read by the writer's thread at each commit (weak loads are atomic).
    weak var checkpointer: SQLiteCheckpointer?

    init(_ checkpointer: SQLiteCheckpointer) {
        self.checkpointer = checkpointer
    }
}

private let walHook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
    context, connection, schema, frames in
    guard let context else { return SQLITE_OK }
    let target = Unmanaged<HookTarget>.fromOpaque(context).takeUnretainedValue()
    if let checkpointer = target.checkpointer {
        checkpointer.committed(frames: frames, writer: connection, schema: schema)
    } else if frames >= SQLiteCheckpointer.Settings.standard.threshold {
        // The checkpointer is gone and the connection still writes: it checkpoints itself, as SQLite would.
        sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
    return SQLITE_OK
}

/// The checkpointer's own connection, used only on its queue.
private final class CheckpointConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var syncs: Bool?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw SQLiteCheckpointerError(message: "cannot open \(path) to checkpoint it: \(message)")
        }
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    func checkpoint(syncs: Bool) {
        guard let handle else { return }
        if self.syncs != syncs {
            sqlite3_exec(handle, syncs ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = OFF", nil, nil, nil)
            self.syncs = syncs
        }
        // Passive: copies what no reader still needs, never waits for a lock. What it leaves, the next one copies.
        sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }
}

public struct SQLiteCheckpointerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
