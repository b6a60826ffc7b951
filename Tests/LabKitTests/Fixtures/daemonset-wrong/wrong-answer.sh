# Blames the name of the node.
kubectl apply -f ds.yaml
kubectl get pod -o wide
kubectl describe node master01
lab answer where 3
