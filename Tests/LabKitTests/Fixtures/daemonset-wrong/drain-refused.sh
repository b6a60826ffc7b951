# Drains without --ignore-daemonsets and never finishes the drain.
kubectl apply -f ds.yaml
kubectl get pod -o wide
kubectl describe node master01
lab answer where 2
kubectl patch ds nginx-daemonset -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}}}}'
kubectl rollout status ds/nginx-daemonset
kubelab-node add
sleep 15
kubectl get pod -o wide
kubectl drain node01
