kubectl apply -f ds.yaml
kubectl cordon node01
kubectl cordon node01
kubectl get nodes
kubectl uncordon node01
kubectl drain node02
kubectl drain node02 --ignore-daemonsets --dry-run=client
kubectl drain node02 --ignore-daemonsets
kubectl uncordon node02
kubectl taint nodes node02 dedicated=infra:NoSchedule
kubectl taint nodes node02 dedicated=infra:NoSchedule
kubectl taint nodes node02 dedicated:NoSchedule-
kubectl taint nodes node02 dedicated:NoSchedule-
kubectl taint nodes node02 foo=bar:Bad
kubectl taint pods x foo=bar:NoSchedule
kubectl describe ds nginx-daemonset
kubectl rollout history ds/nginx-daemonset
