# The StatefulSet without serviceName: its pods get no DNS names of their own.
kubectl apply -f dns-test.yaml
sleep 10
kubectl exec dns-test -- nslookup kubernetes
sed -i '/serviceName: myapp-svc/d' stateful-demo.yaml
kubectl apply -f stateful-demo.yaml
kubectl rollout status sts/myapp
