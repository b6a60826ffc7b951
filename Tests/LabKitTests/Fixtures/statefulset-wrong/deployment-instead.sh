# A Deployment with the same pod template instead of a StatefulSet.
kubectl apply -f dns-test.yaml
sleep 10
kubectl exec dns-test -- nslookup kubernetes
cat <<'YAML' > myapp.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp
spec:
  replicas: 3
  selector:
    matchLabels:
      app: myapp-pod
  template:
    metadata:
      labels:
        app: myapp-pod
    spec:
      containers:
      - name: myapp
        image: ikubernetes/myapp:v1
        ports:
        - containerPort: 80
          name: web
YAML
kubectl apply -f myapp.yaml
kubectl rollout status deployment/myapp
