# Removes master01's taint instead of tolerating it.
kubectl apply -f ds.yaml
kubectl get pod -o wide
kubectl describe node master01
lab answer where 2
kubectl taint nodes master01 node-role.kubernetes.io/control-plane:NoSchedule-
sleep 10
kubectl get pod -o wide
