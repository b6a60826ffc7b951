kubectl apply -f ds.yaml
kubectl get pod -o wide
kubectl get ds
kubectl get ds -o wide
kubectl describe node master01 | grep Taints
