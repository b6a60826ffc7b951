import Foundation
import Testing
import KubeAPI
@testable import Kubectl

/// `kubectl create job` / `create cronjob` against the real kubectl v1.32 (offline: the
/// client-side objects and the client's own errors). Skipped when /usr/bin/kubectl is absent.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: KubectlOracleTests.kubectl)))
struct BatchOracleTests {
    @Test(arguments: [
        ["create", "job", "pi", "--image=perl:5.34.0", "--dry-run=client", "-o", "yaml", "--", "perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
        ["create", "job", "hello", "--image=busybox", "--dry-run=client", "-o", "yaml"],
        ["create", "job", "hello", "--image=busybox", "--dry-run=client", "-o", "json", "--", "sh", "-c", "echo <hi> & bye"],
        ["create", "job", "x", "--image=a", "--image=b", "--dry-run=client", "-o", "yaml"],
        ["create", "job", "x", "--image=busybox", "--dry-run=client"],
        ["create", "job", "x", "--image=busybox", "--dry-run=client", "-o", "name"],
        ["create", "cronjob", "hello", "--image=busybox:1.28", "--schedule=*/1 * * * *", "--dry-run=client", "-o", "yaml", "--", "/bin/sh", "-c", "date; echo Hello"],
        ["create", "cronjob", "hello", "--image=busybox", "--schedule=* * * * *", "--restart=Never", "--dry-run=client", "-o", "json"],
        ["create", "cronjob", "x", "--image=busybox", "--schedule=* * * * *", "--restart=Always", "--dry-run=client", "-o", "yaml"],
        ["create", "cronjob", "x", "--image=busybox", "--schedule=@hourly", "--dry-run=client"],
        ["create", "cronjob", "x", "--image=busybox", "--schedule=* * * * *", "--dry-run=client", "-o", "name"],
        // The client's own errors.
        ["create", "job", "x", "--dry-run=client"],
        ["create", "job", "x", "--image=busybox", "--from=cronjob/y", "--dry-run=client"],
        ["create", "job", "--image=busybox", "--dry-run=client"],
        ["create", "cronjob", "--image=busybox", "--schedule=* * * * *", "--dry-run=client"],
    ])
    func createBatchMatchesKubectl(_ args: [String]) {
        let (stdout, stderr, code) = KubectlOracleTests.real(args, in: KubectlOracleTests.tempDir())
        let ours = Fixture().kubectl.run(args)
        #expect(ours.stdout == stdout)
        #expect(ours.stderr == stderr)
        #expect(ours.exitCode == code)
    }
}
