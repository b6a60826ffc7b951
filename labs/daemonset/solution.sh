# Reference solution of the DaemonSet lab: what a learner types, step by step.

# 1. Create the DaemonSet from the course's manifest.
cat ds.yaml
kubectl apply -f ds.yaml
kubectl get ds

# 2. See where the pods run, and why master01 has none.
kubectl get pod -o wide
kubectl describe node master01
lab answer where 2

# 3. Tolerate the control-plane taint and watch the rolling update.
kubectl patch ds nginx-daemonset -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}}}}'
kubectl rollout status ds/nginx-daemonset
kubectl get pod -o wide

# 4. Add a worker: the DaemonSet follows it.
kubelab-node add
kubectl get nodes
sleep 10
kubectl get pod -o wide

# 5. Drain a worker.
kubectl drain node01
kubectl drain node01 --ignore-daemonsets
kubectl get nodes

# 6. Put it back, remove node03, wait for its pod to be collected.
kubectl uncordon node01
kubelab-node remove node03
sleep 45
kubectl get pod -o wide
kubectl get ds
