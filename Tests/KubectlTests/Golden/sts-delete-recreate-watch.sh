# Section 2.5.3: deleting the StatefulSet terminates its pods; made again, they come back in order on the same claims.
kubectl apply -f stateful-demo.yaml
sleep 60
kubectl get pvc
kubectl get pod -w &
kubectl delete statefulset myapp
sleep 30
kubectl apply -f stateful-demo.yaml
sleep 30
kill %1
kubectl get pvc
kubectl get pods
