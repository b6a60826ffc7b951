import Kubectl
@testable import Shell

/// A host that records every call and answers a few kubectl commands.
final class FakeHost: ShellHost {
    struct Call: Equatable {
        var argv: [String]
        var stdin: String?
        var environment: [String: String]
    }

    var calls: [Call] = []
    var elapsed: Double = 0
    var isTerminal = false
    var now: Double { 1_735_689_600 + elapsed }
    var edits: [(String, String)] = []
    var editor: ((String, VirtualFS) -> CommandOutput)? = nil
    /// Canned kubectl answers: argv joined by spaces → stdout.
    var answers: [String: String] = [
        "kubectl get pods -o name": "pod/nginx-deployment-7c5ddbdf54-2xkqn\npod/nginx-deployment-7c5ddbdf54-8wz4r\npod/nginx-deployment-7c5ddbdf54-vk6ts\n",
        "kubectl get pods": "NAME                                READY   STATUS    RESTARTS   AGE\nnginx-deployment-7c5ddbdf54-2xkqn   1/1     Running   0          50s\nnginx-deployment-7c5ddbdf54-8wz4r   1/1     Running   0          50s\nnginx-deployment-7c5ddbdf54-vk6ts   1/1     Running   0          50s\n",
        "kubectl get pods -l app=nginx -o jsonpath={.items[0].metadata.name}": "nginx-deployment-7c5ddbdf54-2xkqn",
    ]

    func run(command argv: [String], stdin: String?, environment: [String: String], workspace: VirtualFS) -> CommandOutput? {
        calls.append(Call(argv: argv, stdin: stdin, environment: environment))
        guard argv.first == "kubectl" else { return nil }
        var o = CommandOutput()
        let key = argv.joined(separator: " ")
        if let a = answers[key] {
            o.out(a)
        } else if argv.count >= 3, argv[1] == "apply", argv[2] == "-f", argv.count == 4 {
            if argv[3] == "-" {
                o.out("deployment.apps/from-stdin created\n")
            } else if let text = workspace.readFile(argv[3]) {
                let name = text.split(separator: "\n").first { $0.hasPrefix("  name: ") }.map { $0.dropFirst(8) } ?? "unknown"
                o.out("deployment.apps/\(name) created\n")
            } else {
                o.err("error: the path \"\(argv[3])\" does not exist\n")
                o.exitCode = 1
            }
        } else if argv.count > 2, argv[1] == "get" {
            o.err("Error from server (NotFound): \(argv[2]) \"\(argv[argv.count - 1])\" not found\n")
            o.exitCode = 1
        } else {
            o.out("kubectl \(argv.dropFirst().joined(separator: " "))\n")
        }
        return o
    }

    func advanceTime(seconds: Double) { elapsed += seconds }

    func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput? {
        edits.append((editor, path))
        guard let e = self.editor else { return nil }
        return e(path, workspace)
    }

    func path(of command: String) -> String? {
        command == "kubectl" ? "/usr/bin/kubectl" : nil
    }

    var interactiveStarts: [[String]] = []

    func startInteractive(command argv: [String], environment: [String: String],
                          workspace: VirtualFS) -> (program: any InteractiveProgram, output: CommandOutput)? {
        guard argv.count >= 5, argv[0] == "kubectl", argv[1] == "exec", argv[2] == "-it", argv.last == "sh" else { return nil }
        interactiveStarts.append(argv)
        return (ContainerShell(pod: argv[3]), CommandOutput())
    }
}

/// A pretend busybox shell inside a pod.
final class ContainerShell: InteractiveProgram {
    let pod: String
    init(pod: String) { self.pod = pod }
    var prompt: String { "/ # " }
    func feed(_ line: String) -> (output: CommandOutput, finished: Bool) {
        var o = CommandOutput()
        let words = line.split(separator: " ").map(String.init)
        switch words.first {
        case nil: break
        case "exit"?:
            o.exitCode = Int32(words.dropFirst().first ?? "0") ?? 0
            return (o, true)
        case "hostname"?: o.out(pod + "\n")
        default:
            o.err("sh: \(words[0]): not found\n")
            o.exitCode = 127
        }
        return (o, false)
    }
}

/// A fresh session with the fake host.
func makeSession(files: [String: String] = [:], directories: [String] = [], cwd: String? = nil) -> (ShellSession, FakeHost) {
    let host = FakeHost()
    let fs = VirtualFS(files: files, directories: directories, cwd: cwd)
    let s = ShellSession(host: host, workspace: fs)
    return (s, host)
}
